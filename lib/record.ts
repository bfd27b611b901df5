/** Whether a value is a plain record (an object, not null, not an array): the first check of every parser. Pure. */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
