"""Whole-site content checks that look across pages: links, images on disk, duplicate questions, navigation.

Each module takes a loaded `Site` and returns problems; `load_site` runs them (the navigation check runs where the
navigation is known: `helpcenter.content_check` and the build), so `helpcenter check` and every
`mkdocs build` report the same things.
"""
