/**
 * Webhooks (issue 14): the events a community's endpoints may receive, the limits of their
 * settings, and which URLs the server sends to. Pure, so the contract, the domain, the server's
 * sender and the admin element all judge a URL the same way.
 */

/** Every event a webhook can receive; a webhook with no list receives them all, later ones included. */
export const WEBHOOK_EVENTS = [
  'incident.created', 'incident.updated', 'incident.resolved',
  // A member's notification, for a community that mails its members itself (notification channel `webhook`).
  'notification.created',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Where a delivery stands: waiting for its next try, received (2xx), or given up. */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export const WEBHOOK_LIMITS = {
  urlMax: 2000,
  descriptionMax: 200,
  /** Webhooks per community: each event is queued once per enabled webhook. */
  perCommunity: 20,
  /** After a rotation, how long deliveries also carry a signature made with the previous secret. */
  graceHoursDefault: 24,
  graceHoursMax: 168,
} as const;

/**
 * Which private hosts the server sends to: `refuse` (production default: public hosts only),
 * `loopback` (also localhost and 127.0.0.0/8, ::1: the demo and the tests' local receivers),
 * `allow` (any host: a brand whose receiver lives on its own network).
 */
export const PRIVATE_HOST_POLICIES = ['refuse', 'loopback', 'allow'] as const;
export type PrivateHostPolicy = (typeof PRIVATE_HOST_POLICIES)[number];

export type HostKind = 'public' | 'loopback' | 'private';

function ipv4Parts(host: string): number[] | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!match) return undefined;
  const parts = match.slice(1).map(Number);
  return parts.every((part) => part <= 255) ? parts : undefined;
}

function ipv4Kind([a = 0, b = 0]: number[]): HostKind {
  if (a === 127) return 'loopback';
  const isPrivate = a === 0 || a === 10 || a >= 224 // this network, RFC 1918, multicast and reserved
    || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) // RFC 1918
    || (a === 169 && b === 254) // link-local, cloud metadata services
    || (a === 100 && b >= 64 && b <= 127) // carrier-grade NAT
    || (a === 198 && (b === 18 || b === 19)); // benchmarking
  return isPrivate ? 'private' : 'public';
}

/** The eight 16-bit groups of an IPv6 address (no brackets, no zone), or undefined. */
function ipv6Groups(address: string): number[] | undefined {
  let text = address;
  const v4 = /(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.exec(text);
  if (v4) {
    const parts = ipv4Parts(v4[1]!);
    if (!parts) return undefined;
    text = `${text.slice(0, -v4[1]!.length)}${((parts[0]! << 8) | parts[1]!).toString(16)}:${((parts[2]! << 8) | parts[3]!).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const read = (half: string | undefined) => (half ? half.split(':').map((group) => (/^[0-9a-f]{1,4}$/.test(group) ? parseInt(group, 16) : NaN)) : []);
  const head = read(halves[0]);
  const tail = read(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<number>(halves.length === 1 ? 0 : missing).fill(0), ...tail];
  return groups.some(Number.isNaN) ? undefined : groups;
}

function ipv6Kind(groups: number[]): HostKind {
  const [first = 0] = groups;
  const zeroUntil = (n: number) => groups.slice(0, n).every((group) => group === 0);
  if (zeroUntil(7) && groups[7] === 1) return 'loopback';
  if (zeroUntil(8)) return 'private';
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d): judged as the IPv4 address.
  if (zeroUntil(5) && (groups[5] === 0xffff || groups[5] === 0)) return ipv4Kind([groups[6]! >> 8, groups[6]! & 0xff]);
  if ((first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80 || (first & 0xff00) === 0xff00) return 'private'; // unique local, link-local, multicast
  return 'public';
}

const PRIVATE_SUFFIXES = /\.(local|localdomain|internal|intranet|lan|home|corp|home\.arpa)$/;

/**
 * What a host names: a URL's `hostname` (IPv6 in brackets; the URL parser has already turned
 * `0x7f.1` or `2130706433` into `127.0.0.1`) or an address as DNS answers it. A name with no dot
 * or a local-only suffix is private: a local resolver answers it. Public names can still resolve
 * to a private address: the server's sender checks the addresses before it connects.
 */
export function hostKind(hostname: string): HostKind {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  const v4 = ipv4Parts(host);
  if (v4) return ipv4Kind(v4);
  if (host.includes(':')) {
    const groups = ipv6Groups(host.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
    return groups ? ipv6Kind(groups) : 'private';
  }
  if (!host.includes('.') || PRIVATE_SUFFIXES.test(host)) return 'private';
  return 'public';
}

/** Whether the policy lets the server send to a host of this kind. */
export function hostAllowed(kind: HostKind, policy: PrivateHostPolicy): boolean {
  return kind === 'public' || policy === 'allow' || (policy === 'loopback' && kind === 'loopback');
}

/** What is wrong with a webhook URL, as a code a form words in its own language. */
export type WebhookUrlIssue = 'required' | 'too-long' | 'spaces' | 'scheme' | 'invalid' | 'credentials' | 'private-host';

/** Why `raw` cannot be a webhook's URL under `policy`, or undefined when it can. Elements pass `allow`: only the server knows its policy. */
export function webhookUrlIssue(raw: string, policy: PrivateHostPolicy): WebhookUrlIssue | undefined {
  const text = raw.trim();
  if (text.length === 0) return 'required';
  if (text.length > WEBHOOK_LIMITS.urlMax) return 'too-long';
  if (/\s/.test(text)) return 'spaces';
  if (!/^https?:\/\//i.test(text)) return 'scheme';
  if (!URL.canParse(text) || !new URL(text).hostname) return 'invalid';
  const url = new URL(text);
  if (url.username || url.password) return 'credentials';
  if (!hostAllowed(hostKind(url.hostname), policy)) return 'private-host';
  return undefined;
}

const URL_PROBLEMS: Record<WebhookUrlIssue, string> = {
  required: 'is required',
  'too-long': `must be at most ${WEBHOOK_LIMITS.urlMax} characters`,
  spaces: 'must not contain spaces',
  scheme: 'must start with http:// or https://',
  invalid: 'is not a valid URL',
  credentials: 'must not hold a user name or password: each request is signed instead',
  'private-host': 'names a private or loopback host, which this server does not send to',
};

/** The same, as a phrase to put after "url " (the API's refusal). */
export function webhookUrlProblem(raw: string, policy: PrivateHostPolicy): string | undefined {
  const issue = webhookUrlIssue(raw, policy);
  return issue && URL_PROBLEMS[issue];
}
