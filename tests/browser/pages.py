"""What the browser tests look for in a page."""

import re

# For ``locator.evaluate``: true once the image has loaded and decoded, false if it
# failed. A click returns when the next page is there, not when its pictures are.
LOADED_IMAGE = """image => image.complete ? image.naturalWidth > 0 : new Promise(resolve => {
    image.addEventListener("load", () => resolve(image.naturalWidth > 0));
    image.addEventListener("error", () => resolve(false));
})"""


def overflows_horizontally(page):
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def is_dark(rgb):
    """True for a colour as getComputedStyle writes it ("rgb(22, 20, 15)") whose
    relative luminance is low."""
    red, green, blue = (int(part) / 255 for part in re.findall(r"\d+", rgb)[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.2


def watch_for_problems(page):
    """A list that fills with what goes wrong while the page is used: script errors,
    console errors (a refused Content Security Policy is one) and failed requests."""
    problems = []
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    # The admin's pages name no icon, so the browser asks for /favicon.ico: not ours.
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and not message.location.get("url", "").endswith("/favicon.ico")
            and problems.append(f"console: {message.text} {message.location.get('url')}")
        ),
    )
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and not response.url.endswith("/favicon.ico")
            and problems.append(f"{response.status} {response.url}")
        ),
    )
    # Leaving a page aborts what it was still loading (a favicon, say): not a problem.
    page.on(
        "requestfailed",
        lambda request: (
            request.failure != "net::ERR_ABORTED"
            and problems.append(f"failed: {request.url} ({request.failure})")
        ),
    )
    return problems


def stylesheet_applied(page):
    """True when site.css styles the page (its paper colour is not the default white)."""
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    return background not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)")
