import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const serverOnlyLayers = ["lib/services/**", "lib/db/**", "lib/radius/**", "lib/snmp/**", "lib/mikrotik/**", "lib/crypto/**", "workers/**"];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next*/**", "test-results*/**", "node_modules/**", ".data/**", "drizzle/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "bench/out/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Questions go through the one confirm dialog (components/ui/confirm-dialog.tsx, useConfirm) and results
    // into the page: the browser's confirm/alert/prompt block the page, cannot show progress and are
    // invisible to screen-reader flows and tests.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...["confirm", "alert", "prompt"].map((name) => ({ name, message: "use useConfirm / ConfirmDialog from components/ui/confirm-dialog.tsx, not the browser's dialogs" })),
      ],
      "no-restricted-properties": [
        "error",
        ...["window", "globalThis", "self"].flatMap((object) =>
          ["confirm", "alert", "prompt"].map((property) => ({ object, property, message: "use useConfirm / ConfirmDialog from components/ui/confirm-dialog.tsx, not the browser's dialogs" })),
        ),
      ],
    },
  },
  {
    // The domain and protocol layers are shared by web, worker and tests: no Next.js, React or cookies.
    files: serverOnlyLayers,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*"], message: "lib/services, lib/db and protocol code must not depend on Next.js" },
            { group: ["react", "react-dom", "next-auth", "next-auth/*"], message: "keep React and next-auth at the edges (app/, lib/auth)" },
          ],
        },
      ],
    },
  },
  {
    // Components are shared by every route: they take what a route knows as props, never import it.
    files: ["components/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*", "@/app"], message: "components/ must not import from app/: pass it in as a prop or move it to components/ or lib/" }] }],
    },
  },
];

export default config;
