from django.contrib import admin

from sigap.sla.models import BusinessCalendar, SlaPolicy


@admin.register(SlaPolicy)
class SlaPolicyAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "first_response_minutes",
        "verification_days",
        "followup_days",
        "resolution_days",
        "autoclose_days",
    ]


@admin.register(BusinessCalendar)
class BusinessCalendarAdmin(admin.ModelAdmin):
    list_display = ["name", "timezone", "always_open", "use_national_holidays"]
