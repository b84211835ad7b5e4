// Shapes and SQL pieces shared by the session list, history and statistics queries.
export const SESSION_CONNECTION_TYPES = ["PPPOE", "HOTSPOT", "DHCP", "STATIC", "OTHER"] as const;
export type SessionConnectionType = (typeof SESSION_CONNECTION_TYPES)[number];

/** `%text%` for ILIKE with the wildcards in the user's text escaped. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** MAC addresses arrive as AA:BB:.., aa-bb-.. or aabb..; compare on the bare hex digits. */
export const macDigits = (q: string) => q.replace(/[^0-9a-f]/gi, "").toLowerCase();
