/**
 * Function words the `french` and `english` text-search configurations drop (PostgreSQL's
 * snowball stop lists, the forms a search box meets). A stop word gets no variant: "dans" is
 * dropped by PostgreSQL, but its made-up singular "dan" is not, and then nothing matches.
 */
const FRENCH = `au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me même mes moi
  mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous
  été étant suis es est sommes êtes sont serai seras sera serons serez seront serais serait serions seriez seraient
  étais était étions étiez étaient fus fut fûmes fûtes furent sois soit soyons soyez soient ai as avons avez ont
  aurai auras aura aurons aurez auront aurais aurait aurions auriez auraient avais avait avions aviez avaient eut
  eûmes eûtes eurent aie aies ait ayons ayez aient ceci cela celà cet cette ici ils les leurs quel quels quelle quelles sans soi`;
const ENGLISH = `i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers
  herself it its itself they them their theirs themselves what which who whom this that these those am is are was were
  be been being have has had having do does did doing a an the and but if or because as until while of at by for with
  about against between into through during before after above below to from up down in out on off over under again
  further then once here there when where why how all any both each few more most other some such no nor not only own
  same so than too very s t can will just don should now`;

function stopWords(): ReadonlySet<string> {
  return new Set(`${FRENCH} ${ENGLISH}`.split(/\s+/).filter(Boolean));
}

/** Pure: a bundle that never searches (the browser's read path) drops the list. */
export const STOP_WORDS: ReadonlySet<string> = /* @__PURE__ */ stopWords();
