import type { Category } from '../../contract/index.ts';
import type { Locale } from '../../core/index.ts';
import { EntraideError } from '../errors.ts';
import type { Http, RequestOptions } from '../http.ts';
import { getCommunity, getSession } from '../routes/index.ts';

export const communityResource = (http: Http) => ({
  /** The community and its categories, labelled in `locale`. */
  get: (query: { locale?: Locale } = {}, request: RequestOptions = {}) => http.call(getCommunity, { query }, request),
});

/** The community's categories ("rubriques"), read from `GET /community`. */
export const categoriesResource = (http: Http) => {
  const list = async (query: { locale?: Locale } = {}, request: RequestOptions = {}): Promise<Category[]> =>
    (await http.call(getCommunity, { query }, request)).categories;
  return {
    /** Every category, labelled in `locale`. */
    list,
    /** One category; fails with an `EntraideError` coded `not_found` (status 404) when there is none with this id. */
    get: async (categoryId: number, query: { locale?: Locale } = {}, request: RequestOptions = {}): Promise<Category> => {
      const found = (await list(query, request)).find((category) => category.id === categoryId);
      if (found) return found;
      throw new EntraideError({ status: 404, code: 'not_found', message: `Category ${categoryId} does not exist.`, request: getCommunity });
    },
  };
};

export const sessionResource = (http: Http) => ({
  /** Who the current token names (`member: null` for a guest). */
  get: (request: RequestOptions = {}) => http.call(getSession, {}, request),
});
