export { EntraideNavigateEvent } from './navigate.ts';
export { EntraideReplySentEvent } from './reply-sent.ts';
export { EntraideSignInRequestedEvent, type SignInReason } from './sign-in-requested.ts';
export { EntraideThreadCreatedEvent } from './thread-created.ts';
