"""One module per page type; each turns the analysed model into pages, as pure functions."""
