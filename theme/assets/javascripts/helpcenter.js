// The help center's small browser part. Event delegation on the document, so it keeps working when
// mkdocs-material's instant navigation swaps the page content without a reload.

/** Open material's search overlay, as its own search button does, and put the cursor in the box. */
function openSearch() {
  const toggle = document.getElementById("__search");
  if (!toggle) return;
  toggle.checked = true;
  toggle.dispatchEvent(new Event("change"));
  document.querySelector("[data-md-component=search-query]")?.focus();
}

// The large search box on the home and 404 pages is a button (a tap, Enter or Space) that opens material's search.
document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest("[data-hc-open-search]")) openSearch();
});
