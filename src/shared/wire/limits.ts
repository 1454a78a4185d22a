/**
 * Limits of the wire contract (page sizes, upload sizes, text lengths), defined once for the
 * server, the web and the CLI. Plain constants without zod: the web shell uses some of them.
 * Enumerations: `./enums.ts`.
 */

/** Lists take `page` (from 1) and `pageSize` (1 … PAGE_SIZE_MAX, default PAGE_SIZE_DEFAULT). */
export const PAGE_SIZE_MAX = 200;
export const PAGE_SIZE_DEFAULT = 50;
/** Default size limit of one uploaded file (an installation may set `maxUploadBytes`). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Most files one multipart request may carry. */
export const MAX_UPLOAD_FILES = 10;
/** Most records `POST /records/batch` takes in one request (one transaction). */
export const MAX_RECORD_BATCH = 2000;

/** A service unit's street address. */
export const ADDRESS_MAX = 300;
/** Coordinates a unit may have: Indonesia's extent with a margin (WGS84 degrees). */
export const LATITUDE_RANGE = [-11.5, 6.5] as const;
export const LONGITUDE_RANGE = [94, 141.5] as const;

/** Usernames are stored lower-case: letters, digits, dot, dash, underscore; 3–40 characters. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,39}$/;
/** Passwords: at least 12 characters (issue 15; the server also refuses common, breached and guessable ones). */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

/** A dispute's statement (`POST /cycles/:cycleId/units/:unitId/disputes`). */
export const STATEMENT_MIN = 10;
export const STATEMENT_MAX = 4000;
/** A written reason: rejecting a dispute, an erratum. */
export const REASON_MIN = 10;
export const REASON_MAX = 2000;

// issue 12: follow-up actions
/** An action's title, its person in charge, a note (progress, comment, verification, plan notes). */
export const ACTION_TITLE_MAX = 300;
export const ACTION_PERSON_MAX = 200;
export const ACTION_NOTE_MAX = 4000;
/** Evidence files one progress report may name. */
export const ACTION_EVIDENCE_PER_UPDATE = 20;

// issue 12 §3: the evidence library
/** A library document's title. */
export const LIBRARY_TITLE_MAX = 300;
