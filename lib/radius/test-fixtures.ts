// Wire captures used by the unit tests: RFC 2865 §7.1 and packets sent by FreeRADIUS 3.2.1's
// radclient/radtest (Debian 12), so our checks are pinned to an independent implementation.

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ""), "hex");

/** RFC 2865 §7.1: nemo / arctangent from NAS 192.168.1.16 port 3, secret "xyzzy5461". */
export const RFC2865_SECRET = "xyzzy5461";
export const RFC2865_ACCESS_REQUEST = hex(`01 00 00 38 0f 40 3f 94 73 97 80 57 bd 83 d5 cb
  98 f4 22 7a 01 06 6e 65 6d 6f 02 12 0d be 70 8d 93 d4 13 ce 31 96 e4 3f 78 2a 0a ee
  04 06 c0 a8 01 10 05 06 00 00 00 03`);
export const RFC2865_ACCESS_ACCEPT = hex(`02 00 00 26 86 fe 22 0e 76 24 ba 2a 10 05 f6 bf
  9b 55 e0 b2 06 06 00 00 00 01 0f 06 00 00 00 00 0e 06 c0 a8 01 03`);

/** Secret of every radclient capture below. */
export const RADCLIENT_SECRET = "xyzzy5461";

/** radtest -t pap nemo arctangent (with Message-Authenticator). */
export const RADCLIENT_PAP = hex(
  "0187004aea5018d6fa92d89d32d12a427b6d8d1b01066e656d6f02122f5ab434c932bba00998406cc66f48ae" +
    "04067f0000010506000000005012301db89a28e0a8e723be8dfab42852b9",
);

/** radtest -t chap nemo arctangent: the Request Authenticator is the challenge. */
export const RADCLIENT_CHAP = hex(
  "01c4004b4517d65c587494e30acf4c477d41e2bb01066e656d6f0313f0855f595d322e9e6336d5cfaf915358" +
    "5a04067f0000010506000000005012f8d586e5a6c21b4f26fc4fa4831ded49",
);

/** radclient coa: User-Name, Acct-Session-Id, Mikrotik-Rate-Limit, Proxy-State 0x01, Message-Authenticator. */
export const RADCLIENT_COA = hex(
  "2b6f00476d3d58b44903d14f02594e5ae7fef2980107616c6963652c0a38316130303030331a0d00003a8c08" +
    "07324d2f344d2103015012c23b7896122e8d7a9298a02014714cbf",
);

/** radclient acct: Interim-Update, Acct-Input-Octets 1000, Acct-Input-Gigawords 2, no MA. */
export const RADCLIENT_ACCT = hex(
  "04fd00379c3ef366d50f1afbbcc29bead81192990107616c6963652806000000032c0a383161303030303" +
    "32a06000003e8340600000002",
);

/** radtest -t mschap User clientPass with secret "testing123": MS-CHAPv1 (8-byte challenge). */
export const RADTEST_MSCHAP_SECRET = "testing123";
export const RADTEST_MSCHAP = hex(
  "01d20082c0605eb8b14ff629ed0775dcc426b05201065573657204067f0000010506000000005012fd4cf60c" +
    "db974aafa0b87f97ead710381a10000001370b0a103ec4e74e085fc91a3a000001370134000100000000000" +
    "000000000000000000000000000000000000060e69ca854ea0fbb799d61255e52918bb06d186732ea3d35",
);
