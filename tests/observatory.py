"""The Mozilla HTTP Observatory's scoring rules, applied to one response's headers.

From its published scoring methodology (httpobs/docs/scoring.md, 2024): every site
starts at 100; each test adds a modifier; bonuses count only when the score without
them is 90 or more; 100 and above is an A+. These are the tests that read a page's
headers and HTML: Content Security Policy, cookies, CORS, HSTS, Referrer-Policy,
Subresource Integrity, X-Content-Type-Options and X-Frame-Options. The redirection test
(plain HTTP to HTTPS on the same host) needs a second request and is checked apart;
HSTS preloading (+5) needs the browsers' preload list and is never awarded here.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

SIX_MONTHS = 15_768_000
GRADES = [(100, "A+"), (90, "A"), (85, "A-"), (80, "B+"), (70, "B"), (65, "B-"), (60, "C+")]


@dataclass
class Modifier:
    test: str
    result: str
    score: int


@dataclass
class Report:
    modifiers: list

    @property
    def score(self):
        penalties = sum(m.score for m in self.modifiers if m.score < 0)
        bonuses = sum(m.score for m in self.modifiers if m.score > 0)
        base = 100 + penalties
        return max(base + (bonuses if base >= 90 else 0), 0)

    @property
    def grade(self):
        return next((grade for floor, grade in GRADES if self.score >= floor), "below C+")

    def __str__(self):
        lines = [f"{m.score:+4d} {m.test}: {m.result}" for m in self.modifiers]
        return "\n".join([*lines, f"score {self.score} ({self.grade})"])


def evaluate(url, headers, html):
    """The Observatory's report for the page at ``url`` (https) with ``headers`` (a
    case-insensitive mapping with get_all or getlist for Set-Cookie) and ``html``."""
    csp = parse_csp(headers.get("Content-Security-Policy"))
    hsts = hsts_max_age(headers.get("Strict-Transport-Security"))
    return Report(
        [
            content_security_policy(csp),
            cookies(set_cookie_headers(headers), hsts_enabled=hsts is not None),
            cors(headers.get("Access-Control-Allow-Origin")),
            strict_transport_security(headers.get("Strict-Transport-Security")),
            referrer_policy(headers.get("Referrer-Policy")),
            subresource_integrity(url, html),
            x_content_type_options(headers.get("X-Content-Type-Options")),
            x_frame_options(headers.get("X-Frame-Options"), csp),
        ]
    )


# Content Security Policy

BROAD_SOURCES = {"*", "http:", "https:", "data:", "blob:", "filesystem:"}


def parse_csp(header):
    if not header:
        return None
    policy = {}
    for directive in header.split(";"):
        words = directive.strip().split()
        if words and words[0].lower() not in policy:  # browsers keep the first
            policy[words[0].lower()] = [word.lower() for word in words[1:]]
    return policy


def content_security_policy(policy):
    test = "content-security-policy"
    if policy is None:
        return Modifier(test, "csp-not-implemented", -25)
    default = policy.get("default-src")
    script = policy.get("script-src", default)
    style = policy.get("style-src", default)
    objects = policy.get("object-src", default)
    # Without a restriction on scripts or plugins, or with a source as broad as a
    # scheme, the policy stops no injected script.
    if (
        script is None
        or objects is None
        or "'unsafe-inline'" in script
        or BROAD_SOURCES & set(script)
        or BROAD_SOURCES & set(objects)
    ):
        return Modifier(test, "csp-implemented-with-unsafe-inline", -20)
    active = [policy.get(d, default) or [] for d in ("script-src", "style-src", "object-src")]
    if any(source.startswith("http:") for sources in active for source in sources):
        return Modifier(test, "csp-implemented-with-insecure-scheme", -20)
    if "'unsafe-eval'" in script:
        return Modifier(test, "csp-implemented-with-unsafe-eval", -10)
    passive = [policy.get(d, default) or [] for d in ("img-src", "media-src")]
    if any(source.startswith("http:") for sources in passive for source in sources):
        return Modifier(test, "csp-implemented-with-insecure-scheme-in-passive-content-only", -10)
    if style is None or "'unsafe-inline'" in style or BROAD_SOURCES & set(style):
        return Modifier(test, "csp-implemented-with-unsafe-inline-in-style-src-only", 0)
    if default == ["'none'"]:
        return Modifier(test, "csp-implemented-with-no-unsafe-default-src-none", 10)
    return Modifier(test, "csp-implemented-with-no-unsafe", 5)


# Cookies


def set_cookie_headers(headers):
    for method in ("get_all", "getlist"):
        if hasattr(headers, method):
            return getattr(headers, method)("Set-Cookie") or []
    value = headers.get("Set-Cookie")
    return [value] if value else []


def cookies(set_cookies, *, hsts_enabled):
    test = "cookies"
    if not set_cookies:
        return Modifier(test, "cookies-not-found", 0)
    parsed = []
    for header in set_cookies:
        name = header.split("=", 1)[0].strip().lower()
        attributes = {
            part.split("=", 1)[0].strip().lower(): part.partition("=")[2].strip().lower()
            for part in header.split(";")[1:]
        }
        parsed.append((name, attributes))

    def is_session(name):
        return any(word in name for word in ("session", "sess", "login"))

    for name, attributes in parsed:
        if is_session(name) and "secure" not in attributes:
            if hsts_enabled:
                return Modifier(
                    test, "cookies-session-without-secure-flag-but-protected-by-hsts", -10
                )
            return Modifier(test, "cookies-session-without-secure-flag", -40)
    for name, attributes in parsed:
        if is_session(name) and "httponly" not in attributes:
            return Modifier(test, "cookies-session-without-httponly-flag", -30)
    for _name, attributes in parsed:
        if "samesite" in attributes and attributes["samesite"] not in ("strict", "lax"):
            return Modifier(test, "cookies-samesite-flag-invalid", -20)
    for name, attributes in parsed:
        if "csrf" in name and "samesite" not in attributes:
            return Modifier(test, "cookies-anticsrf-without-samesite-flag", -20)
    if any("secure" not in attributes for _name, attributes in parsed):
        if hsts_enabled:
            return Modifier(test, "cookies-without-secure-flag-but-protected-by-hsts", -5)
        return Modifier(test, "cookies-without-secure-flag", -20)
    if all("samesite" in attributes for _name, attributes in parsed):
        return Modifier(test, "cookies-secure-with-httponly-sessions-and-samesite", 5)
    return Modifier(test, "cookies-secure-with-httponly-sessions", 0)


# The other headers


def cors(allow_origin):
    if allow_origin is None:
        return Modifier("cors", "cross-origin-resource-sharing-not-implemented", 0)
    if allow_origin.strip() == "*":
        return Modifier(
            "cors", "cross-origin-resource-sharing-implemented-with-universal-access", -50
        )
    return Modifier("cors", "cross-origin-resource-sharing-implemented-with-restricted-access", 0)


def hsts_max_age(header):
    match = re.search(r"max-age\s*=\s*\"?(\d+)", header or "", re.IGNORECASE)
    return int(match.group(1)) if match else None


def strict_transport_security(header):
    test = "strict-transport-security"
    if header is None:
        return Modifier(test, "hsts-not-implemented", -20)
    max_age = hsts_max_age(header)
    if max_age is None:
        return Modifier(test, "hsts-header-invalid", -20)
    if max_age < SIX_MONTHS:
        return Modifier(test, "hsts-implemented-max-age-less-than-six-months", -10)
    return Modifier(test, "hsts-implemented-max-age-at-least-six-months", 0)


PRIVATE_REFERRER = {
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
}
UNSAFE_REFERRER = {"origin", "origin-when-cross-origin", "unsafe-url"}


def referrer_policy(header):
    test = "referrer-policy"
    if header is None:
        return Modifier(test, "referrer-policy-not-implemented", 0)
    # Browsers use the last value they understand.
    values = [value.strip().lower() for value in header.split(",") if value.strip()]
    known = [v for v in values if v in PRIVATE_REFERRER | UNSAFE_REFERRER]
    known += [v for v in values if v == "no-referrer-when-downgrade"]
    if not known:
        return Modifier(test, "referrer-policy-header-invalid", -5)
    policy = known[-1]
    if policy in PRIVATE_REFERRER:
        return Modifier(test, "referrer-policy-private", 5)
    if policy in UNSAFE_REFERRER:
        return Modifier(test, "referrer-policy-unsafe", -5)
    return Modifier(test, "referrer-policy-no-referrer-when-downgrade", 0)


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts = []

    def handle_starttag(self, tag, attrs):
        if tag == "script" and dict(attrs).get("src"):
            self.scripts.append(dict(attrs))


def subresource_integrity(url, html):
    test = "subresource-integrity"
    parser = _Scripts()
    parser.feed(html)
    if not parser.scripts:
        return Modifier(test, "sri-not-implemented-but-no-scripts-loaded", 0)
    page = urlsplit(url)
    external = []
    for script in parser.scripts:
        source = urlsplit(script["src"])
        if source.netloc and source.netloc != page.netloc:
            external.append((source, "integrity" in script))
    if not external:
        return Modifier(test, "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0)
    if any(source.scheme == "http" for source, _ in external):
        return Modifier(test, "sri-not-implemented-and-external-scripts-not-loaded-securely", -50)
    if all(has_integrity for _, has_integrity in external):
        return Modifier(test, "sri-implemented-and-external-scripts-loaded-securely", 5)
    return Modifier(test, "sri-not-implemented-but-external-scripts-loaded-securely", -5)


def x_content_type_options(header):
    if header is not None and header.strip().lower() == "nosniff":
        return Modifier("x-content-type-options", "x-content-type-options-nosniff", 0)
    if header is None:
        return Modifier("x-content-type-options", "x-content-type-options-not-implemented", -5)
    return Modifier("x-content-type-options", "x-content-type-options-header-invalid", -5)


def x_frame_options(header, policy):
    test = "x-frame-options"
    ancestors = (policy or {}).get("frame-ancestors")
    if ancestors and "*" not in ancestors:
        return Modifier(test, "x-frame-options-implemented-via-csp", 5)
    if header is None:
        return Modifier(test, "x-frame-options-not-implemented", -20)
    if header.strip().upper() in ("DENY", "SAMEORIGIN"):
        return Modifier(test, "x-frame-options-sameorigin-or-deny", 0)
    return Modifier(test, "x-frame-options-header-invalid", -20)
