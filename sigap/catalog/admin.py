from django.contrib import admin

from sigap.catalog.models import Category
from sigap.core.admin_scoping import AgencyScopedAdmin


@admin.register(Category)
class CategoryAdmin(AgencyScopedAdmin):
    agency_field = "default_agency__"
    list_display = ["name", "group", "kind", "default_agency", "default_priority", "is_active"]
    list_filter = ["kind", "group", "is_active"]
    search_fields = ["name", "code", "open311_code"]
    autocomplete_fields = ["default_agency"]
