"""The self-awareness tools in the browser: one router for the app to include.

The tools page gathers the trigger log, the pause, thought records and reality checks,
so the main navigation stays short enough for a phone; the growth dashboard and the
weekly review show what they add up to.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from heartwise.web.deps import page_router
from heartwise.web.pages import dashboard, pause, reality, thinking, triggers
from heartwise.web.pages.routes import render

router = page_router()


@router.get("/tools", response_class=HTMLResponse)
def tools_page(request: Request) -> HTMLResponse:
    return render(request, "tools.html")


for _tool in (triggers, pause, thinking, reality, dashboard):
    router.include_router(_tool.router)
