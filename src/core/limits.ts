/** Field limits shared by the contract (validation), the composer (counters) and the mocks. */
export const LIMITS = {
  titleMin: 5,
  titleMax: 150,
  bodyMin: 2,
  bodyMax: 20_000,
  /** Why staff edit or delete someone else's post (kept in the revision and the audit log). */
  reasonMax: 1_000,
  pseudonymMax: 40,
  /** FAQ slugs; also the router's longest path parameter, so every valid slug can be opened. */
  slugMax: 120,
  /** A token's `sub`: OpenID Connect caps it at 255 ASCII characters, and it is an indexed column. */
  externalIdMax: 255,
  /** A token's or an incident's region. */
  regionMax: 100,
  pageSizeDefault: 20,
  pageSizeMax: 100,
  /** Posts per page of a thread: a 2,000-post thread arrives a page at a time. */
  postPageDefault: 50,
  postPageMax: 200,
} as const;
