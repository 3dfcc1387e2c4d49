/** Field limits shared by the contract (validation), the composer (counters) and the mocks. */
export const LIMITS = {
  titleMin: 5,
  titleMax: 150,
  bodyMin: 2,
  bodyMax: 20_000,
  pseudonymMax: 40,
  pageSizeDefault: 20,
  pageSizeMax: 100,
} as const;
