/**
 * Inside the domain, operations call services and services call src/domain/repo/: SQL is written
 * in the repositories only, so a rule never hides in a query string and a query never decides a
 * rule. This reads the two upper layers as text and finds no database call in them.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;

/** `db.query(`, `tx.query<Row>(`: a call of the Queryable interface (src/domain/database.ts). */
const DATABASE_CALL = /\.query\s*[<(]/;

describe('SQL only in src/domain/repo/', () => {
  for (const folder of ['src/domain/services', 'src/domain/operations']) {
    it(`${folder} makes no database call of its own`, () => {
      const offenders = readdirSync(`${root}${folder}`)
        .filter((name) => name.endsWith('.ts'))
        .flatMap((name) => readFileSync(`${root}${folder}/${name}`, 'utf8').split('\n').map((line, index) => ({ where: `${folder}/${name}:${index + 1}`, line })))
        .filter(({ line }) => DATABASE_CALL.test(line))
        .map(({ where }) => where);
      assert.deepEqual(offenders, [], 'move these queries into a function of src/domain/repo/');
    });
  }
});
