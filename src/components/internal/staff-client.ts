/**
 * Imported for its effect by every chunk whose elements call staff resources (moderation,
 * workspace, drafts, previews…): the element clients gain them before those elements render.
 */
import { installStaffResources } from '../../sdk/staff.ts';
import { enableResources } from './clients.ts';

enableResources(installStaffResources);
