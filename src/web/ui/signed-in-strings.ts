/**
 * The Indonesian `ui` strings only signed-in users see (their navigation, role names, the role
 * homes' greeting, logout, offline data not downloaded): `locales/signed-in/id.json`, merged into
 * the bundled `ui` namespace when this module is evaluated. It is imported by the chunks that
 * render them (app/signed-in-nav.tsx, app/logout-button.tsx, app/signed-in-routes.tsx), so a
 * public first visit does not download them (issue 14 §2, `npx tsx bench/web-size.ts`). English
 * `ui` loads on demand, whole. Top-level keys of the two Indonesian files merge deeply and never
 * overwrite each other (i18n test).
 */
import { i18n } from '../lib/i18n.ts';
import signedInId from './locales/signed-in/id.json';

i18n.addResourceBundle('id', 'ui', signedInId, true, false);

/** Import for the merge above; the namespace then holds every key of the English `ui`. */
export const SIGNED_IN_UI_STRINGS = signedInId;
