"""Checks across pages: links, images, duplicate questions, reachability."""
