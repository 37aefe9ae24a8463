"""Two-factor login (django-otp) with OTP_REQUIRED: staff type their password and the
code from their authenticator app (or a recovery code) and log in with one submit; a
wrong code, or a device resting after failures, is refused with a message; staff with
several devices may still pick one; django-axes still throttles by address."""

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from historyblog.staff import STAFF_COOKIE

pytestmark = pytest.mark.django_db

PASSWORD = "Correct-Horse-42"


@pytest.fixture
def staff():
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


@pytest.fixture
def otp_required(settings):
    settings.OTP_REQUIRED = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # no pause after a wrong token, unless a test sets one


@pytest.fixture
def phone(staff):
    return TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)


def code(device):
    """The code the device's authenticator app shows now."""
    return f"{totp(device.bin_key):06d}"


def log_in_with(client, password=PASSWORD, **otp):
    fields = {"username": "editor", "password": password, "next": "/admin/", **otp}
    return client.post("/admin/login/?next=/admin/", fields)


def is_logged_in(client):
    return client.get("/admin/").status_code == 200


def test_without_otp_required_staff_log_in_with_a_password(client, staff, settings):
    settings.OTP_REQUIRED = False
    assert b"otp_token" not in client.get("/admin/login/").content
    assert log_in_with(client).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_with_otp_required_a_password_alone_is_not_enough(client, staff, settings):
    settings.OTP_REQUIRED = True
    client.force_login(staff)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert b'name="otp_token"' in client.get("/admin/login/").content


def test_with_otp_required_staff_log_in_with_a_one_time_password(client, staff, settings):
    settings.OTP_REQUIRED = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # no pause after the wrong token below
    device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    wrong = log_in_with(client, otp_device=device.persistent_id, otp_token="000000")
    assert wrong.status_code == 200  # the form again, with an error
    assert client.get("/admin/").status_code == 302
    token = f"{totp(device.bin_key):06d}"
    right = log_in_with(client, otp_device=device.persistent_id, otp_token=token)
    assert right.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_password_and_code_log_in_with_one_submit(client, otp_required, phone):
    response = log_in_with(client, otp_token=code(phone))

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert is_logged_in(client)
    assert client.session["otp_device_id"] == phone.persistent_id
    # Verified staff get fresh pages, not the cached ones (historyblog/staff.py).
    assert STAFF_COOKIE in response.cookies


def test_a_wrong_code_is_refused_with_a_message_and_the_device_choice(client, otp_required, phone):
    wrong = "000000" if code(phone) != "000000" else "111111"

    response = log_in_with(client, otp_token=wrong)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Invalid token. Please make sure you have entered it correctly." in page
    assert f'<option value="{phone.persistent_id}">phone</option>' in page
    assert not is_logged_in(client)


def test_a_recovery_code_logs_in_with_one_submit_and_works_once(
    client, otp_required, phone, staff
):
    backup = StaticDevice.objects.create(user=staff, name="backup")
    backup.token_set.create(token="abcd2345")

    assert log_in_with(client, otp_token="abcd2345").status_code == 302
    assert is_logged_in(client)
    assert not backup.token_set.exists()
    # The phone was tried first; the code was not its own, so it counts no failure.
    phone.refresh_from_db()
    assert phone.throttling_failure_count == 0

    client.logout()
    assert log_in_with(client, otp_token="abcd2345").status_code == 200
    assert not is_logged_in(client)


def test_with_several_devices_the_code_of_any_logs_in_with_one_submit(client, otp_required, staff):
    TOTPDevice.objects.create(user=staff, name="old phone", confirmed=True)
    new_phone = TOTPDevice.objects.create(user=staff, name="new phone", confirmed=True)

    assert log_in_with(client, otp_token=code(new_phone)).status_code == 302
    assert client.session["otp_device_id"] == new_phone.persistent_id


def test_a_device_tried_before_the_one_that_took_the_code_counts_no_failure(
    client, otp_required, staff
):
    phones = [
        TOTPDevice.objects.create(user=staff, name=name, confirmed=True)
        for name in ("old phone", "new phone")
    ]
    # Whichever is tried first, one of the two logins tries the other phone first.
    for used, other in (phones, reversed(phones)):
        client.logout()
        assert log_in_with(client, otp_token=code(used)).status_code == 302
        other.refresh_from_db()
        assert other.throttling_failure_count == 0


def test_a_chosen_device_checks_the_code_against_itself_only(client, otp_required, staff):
    old_phone = TOTPDevice.objects.create(user=staff, name="old phone", confirmed=True)
    new_phone = TOTPDevice.objects.create(user=staff, name="new phone", confirmed=True)

    refused = log_in_with(client, otp_device=old_phone.persistent_id, otp_token=code(new_phone))
    assert refused.status_code == 200
    assert "Invalid token." in refused.content.decode()
    assert not is_logged_in(client)

    chosen = log_in_with(client, otp_device=new_phone.persistent_id, otp_token=code(new_phone))
    assert chosen.status_code == 302
    assert client.session["otp_device_id"] == new_phone.persistent_id


def test_an_unconfirmed_device_does_not_log_in(client, otp_required, staff):
    unconfirmed = TOTPDevice.objects.create(user=staff, name="phone", confirmed=False)

    response = log_in_with(client, otp_token=code(unconfirmed))

    assert response.status_code == 200
    assert "has no two-factor device" in response.content.decode()
    assert not is_logged_in(client)


def test_a_device_resting_after_failures_refuses_even_the_right_code(
    client, otp_required, phone, settings
):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60  # a minute's rest after a wrong code
    log_in_with(client, otp_token="not a code")

    response = log_in_with(client, otp_token=code(phone))

    assert response.status_code == 200
    assert "Verification temporarily disabled because of 1 failed attempt" in (
        response.content.decode()
    )
    assert not is_logged_in(client)


def test_a_right_code_does_not_unlock_a_locked_out_address(client, otp_required, phone, settings):
    settings.AXES_FAILURE_LIMIT = 3
    statuses = [
        log_in_with(client, password="wrong password", otp_token=code(phone)).status_code
        for _ in range(3)
    ]
    assert statuses == [200, 200, 429]

    locked = log_in_with(client, otp_token=code(phone))

    assert locked.status_code == 429
    assert "Too many login attempts" in locked.content.decode()
    assert not is_logged_in(client)
