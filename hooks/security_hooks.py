"""MkDocs hooks: thin glue that gives every built page its Content-Security-Policy (``portal.csp``).

on_post_page      pages from Markdown and the portal's generated pages
on_post_template  Material's 404.html, a static template that MkDocs renders without on_post_page

The live preview gets no policy: ``mkdocs serve`` injects its own inline livereload script into
every page after these hooks ran, and the policy would block it (the browser would never reload).
portal_hooks.on_startup sets PORTAL_PREVIEW=1 for ``serve``; real builds never have it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from portal.csp import CspError, secure

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

# The same variable as portal_hooks.PREVIEW (a hook module cannot import another hook module:
# MkDocs loads each by file path, so an import would run it a second time).
PREVIEW = "PORTAL_PREVIEW"


def _secure(output: str, name: str) -> str:
    if os.environ.get(PREVIEW) == "1":
        return output
    try:
        return secure(output, name)
    except CspError as error:
        raise PluginError(str(error)) from None


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """The page with its Content-Security-Policy (none in the preview); an unknown inline script fails the build."""
    return _secure(output, page.file.dest_uri)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Material's 404.html with its policy; other static templates (sitemap.xml) pass unchanged."""
    # Static templates include sitemap.xml; only HTML gets a policy.
    return _secure(output_content, template_name) if template_name.endswith(".html") else output_content
