// LIKE / ILIKE patterns from text a user typed: %, _ and the escape character itself match literally.

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%text%`: rows containing the text anywhere. */
export const containsPattern = (text: string) => `%${escapeLike(text)}%`;

/** `text%`: rows starting with the text. */
export const prefixPattern = (text: string) => `${escapeLike(text)}%`;
