"""The help center's core: content model, validation, manifest and structured data.

Plain Python that knows Markdown and YAML but not MkDocs; the thin adapters in `hooks/` connect it to a build.
"""

__version__ = "0.1.0"
