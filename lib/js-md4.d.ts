// Types for js-md4 (pure JS MD4, needed because Node 20's OpenSSL 3 has no MD4 without the legacy
// provider). Only the output helpers are declared: calling md4(...) directly delegates to
// crypto.createHash("md4") under Node and throws ERR_OSSL_EVP_UNSUPPORTED.
declare module "js-md4" {
  type Md4Input = string | ArrayBuffer | Uint8Array | number[];
  interface Md4 {
    arrayBuffer(message: Md4Input): ArrayBuffer;
  }
  const md4: Md4;
  export default md4;
}
