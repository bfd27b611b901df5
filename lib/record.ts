/** The first checks of every parser. Pure. */

/** Whether a value is a plain record (an object, not null, not an array). */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a value is a string with more than blanks in it (a library text, an id). */
export const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;
