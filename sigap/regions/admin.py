from django.contrib import admin

from sigap.core.admin_scoping import SystemAdminWritesAdmin
from sigap.regions.models import Region


@admin.register(Region)
class RegionAdmin(SystemAdminWritesAdmin):
    """Kemendagri codes shared by the whole Pemda: agency admins read them (to pick an agency's
    service area), system administrators change them."""

    list_display = ["code", "name", "level", "village_kind", "parent"]
    list_filter = ["level"]
    search_fields = ["code", "name"]
    exclude = ["boundary"]
    readonly_fields = ["centroid_lat", "centroid_lng", "min_lat", "max_lat", "min_lng", "max_lng"]
