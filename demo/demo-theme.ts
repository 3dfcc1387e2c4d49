/**
 * The demo page's brand switcher: the same forum dressed by two brands through `--entraide-*`
 * properties only (demo.css), in light, dark or the reader's system scheme. Choices persist.
 */
const BRAND_KEY = 'entraide-demo-brand';
const SCHEME_KEY = 'entraide-demo-scheme';
const BRANDS = ['volta', 'ardoise'] as const;
const SCHEMES = ['system', 'light', 'dark'] as const;

type Forum = HTMLElement & { theme?: 'light' | 'dark' };

function pick<T extends string>(value: string | null, allowed: readonly T[]): T {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : allowed[0]!;
}

const LOGOS: Record<(typeof BRANDS)[number], [string, string]> = { volta: ['volta', 'mobile'], ardoise: ['ardoise', 'énergie'] };

function apply(brand: (typeof BRANDS)[number], scheme: (typeof SCHEMES)[number]): void {
  document.documentElement.dataset.brand = brand;
  const logo = document.querySelector('.brand-logo');
  if (logo) {
    const [name, kind] = LOGOS[brand];
    const span = document.createElement('span');
    span.textContent = kind;
    logo.replaceChildren(name, span);
  }
  // The page follows the forum so that the brand's own bars match it.
  document.documentElement.style.colorScheme = scheme === 'system' ? '' : scheme;
  const forum = document.querySelector<Forum>('entraide-forum');
  if (forum) forum.theme = scheme === 'system' ? undefined : scheme;
}

function wire(id: string, key: string, allowed: readonly string[], onChange: () => void): HTMLSelectElement | null {
  const select = document.getElementById(id) as HTMLSelectElement | null;
  if (!select) return null;
  select.value = pick(localStorage.getItem(key), allowed);
  select.addEventListener('change', () => {
    localStorage.setItem(key, select.value);
    onChange();
  });
  return select;
}

export function startThemeSwitcher(): void {
  const update = () => apply(pick(brand?.value ?? null, BRANDS), pick(scheme?.value ?? null, SCHEMES));
  const brand = wire('demo-brand', BRAND_KEY, BRANDS, () => update());
  const scheme = wire('demo-scheme', SCHEME_KEY, SCHEMES, () => update());
  update();
}
