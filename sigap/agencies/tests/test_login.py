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
