"""From approved catalogues to what the public reads: the check before publishing, publishing, the
files, folding in filed requests, tier catalogues (editions), the public reading and search."""
