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

// The home page's search box is a <label> for material's toggle, so a click or tap works without this
// script; the keyboard needs Enter and Space, which a label does not handle by itself.
document.addEventListener("keydown", (event) => {
  const trigger = event.target instanceof Element && event.target.closest("[data-hc-open-search]");
  if (!trigger || (event.key !== "Enter" && event.key !== " ")) return;
  event.preventDefault();
  openSearch();
});
