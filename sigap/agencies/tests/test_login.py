from __future__ import annotations

from django.contrib.auth.hashers import identify_hasher
from django.urls import reverse

from sigap.agencies.models import LoginFailure


def test_passwords_are_hashed_with_argon2(staff_a):
    assert identify_hasher(staff_a.password).algorithm == "argon2"


def test_login_then_console(client, staff_a):
    response = client.post(
        reverse("login"), {"username": "petugas.a", "password": "rahasia-uji-123"}
    )
    assert response.status_code == 302
    assert client.get(reverse("console:home")).status_code == 200


def test_lockout_after_repeated_failures(client, staff_a, settings):
    settings.SIGAP_LOGIN_MAX_FAILURES = 3
    for _ in range(3):
        response = client.post(reverse("login"), {"username": "petugas.a", "password": "salah"})
        assert "salah" in response.content.decode()
    assert LoginFailure.objects.filter(username="petugas.a").count() == 3
    # Even the right password is refused while locked.
    response = client.post(
        reverse("login"), {"username": "petugas.a", "password": "rahasia-uji-123"}
    )
    assert response.status_code == 200
    assert "dikunci sementara" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_successful_login_clears_failures(client, staff_a):
    client.post(reverse("login"), {"username": "petugas.a", "password": "salah"})
    client.post(reverse("login"), {"username": "petugas.a", "password": "rahasia-uji-123"})
    assert not LoginFailure.objects.filter(username="petugas.a").exists()


def _admin_login(client, password: str):
    return client.post("/admin/login/", {"username": "admin.a", "password": password})


def test_admin_login_counts_failures_and_honours_the_lockout(client, admin_a, settings):
    settings.SIGAP_LOGIN_MAX_FAILURES = 3
    admin_a.is_staff = True
    admin_a.save()
    for _ in range(3):
        assert _admin_login(client, "salah").status_code == 200
    assert LoginFailure.objects.filter(username="admin.a").count() == 3
    # Even the right password is refused while locked, at the admin as at the console.
    response = _admin_login(client, "rahasia-uji-123")
    assert response.status_code == 200
    assert "dikunci sementara" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_console_failures_lock_the_admin_login_too(client, admin_a, settings):
    settings.SIGAP_LOGIN_MAX_FAILURES = 2
    admin_a.is_staff = True
    admin_a.save()
    for _ in range(2):
        client.post(reverse("login"), {"username": "admin.a", "password": "salah"})
    response = _admin_login(client, "rahasia-uji-123")
    assert "dikunci sementara" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_admin_login_still_admits_staff_and_refuses_others(client, admin_a, staff_a):
    admin_a.is_staff = True
    admin_a.save()
    response = client.post(
        "/admin/login/", {"username": "petugas.a", "password": "rahasia-uji-123"}
    )
    assert response.status_code == 200 and "bukan akun pengelola" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert _admin_login(client, "rahasia-uji-123").status_code == 302
    assert client.session["_auth_user_id"] == str(admin_a.pk)
    assert not LoginFailure.objects.filter(username="admin.a").exists()
