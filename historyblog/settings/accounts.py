"""Logins: password hashing, login throttling and two-factor login."""

from datetime import timedelta

from historyblog.environment import env_bool, env_int
from historyblog.settings.base import SITE_NAME

# ---------- Logins ----------
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out client before a password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Argon2 for new and changed passwords; the others only verify older hashes (which are
# upgraded to Argon2 at the next login).
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes): after AXES_FAILURE_LIMIT failed logins from one
# client address, that address is refused for AXES_COOLOFF_MINUTES. Counted per address,
# never per username, so nobody can lock a colleague out by guessing at their name.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_CLIENT_IP_CALLABLE = "historyblog.security.client_ip"
# Attempts are counted in the database, shared by every app server and not in Redis.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_LOCKOUT_TEMPLATE = "lockout.html"
AXES_RESET_ON_SUCCESS = True

# Two-factor login (django-otp): with OTP_REQUIRED, the admin lets in only staff who
# also gave a one-time password from a registered device (a TOTP app).
OTP_REQUIRED = env_bool("OTP_REQUIRED", False)
OTP_TOTP_ISSUER = SITE_NAME
