// Search helpers of the session list.

/** MAC addresses arrive as AA:BB:.., aa-bb-.. or aabb..; compare on the bare hex digits. */
export const macDigits = (q: string) => q.replace(/[^0-9a-f]/gi, "").toLowerCase();
