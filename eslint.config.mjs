// ESLint for Verdict: typescript-eslint with type information, React hooks, Next.js, and the
// import boundaries that keep the layers apart (app → components → lib, production ↛ sandbox).
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// The vendor sandboxes are test and demo tooling: the app, the worker and the API never load them.
// These files may (the sandbox itself, each vendor's `<vendor>-sandbox.ts`, the demo seed, the CLI's
// sandbox commands and the `npm start` launcher that runs the sandboxes beside the app).
const sandboxUsers = [
  "lib/sandbox/**",
  "lib/vendors/*/*-sandbox.ts",
  "lib/demo/**",
  "lib/cli/sandbox-commands.ts",
  "lib/runtime/local-services.ts",
];
const tooling = ["scripts/**", "tests/**", "bench/**", "prisma/**", "*.config.ts", "*.config.mjs", "*.config.js"];

const noSandbox = { group: ["@/lib/sandbox", "@/lib/sandbox/**"], message: "Production code never loads the vendor sandboxes (lib/sandbox): they are test and demo tooling." };
const noApp = { group: ["@/app", "@/app/**"], message: "Only app/ imports from app/: pass server actions to components as props, or keep the component beside its route." };
const noComponents = { group: ["@/components", "@/components/**"], message: "lib/ is the domain: it never imports UI (components/)." };
const noParent = { group: ["../*"], message: "Import across folders with the @/ alias, so the layer rules see it." };

/** no-restricted-imports for one layer (a later config object replaces the rule, so each layer lists all of its own). */
const restrict = (...patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

export default tseslint.config(
  {
    ignores: [".next/**", "node_modules/**", "lib/generated/**", "test-results/**", "playwright-report/**", ".data/**", "next-env.d.ts", "public/**", "stubs/**"],
  },
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-import-type-side-effects": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": ["error", { "ts-expect-error": "allow-with-description" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-console": "off",
    },
  },
  {
    files: ["**/*.tsx", "components/**/*.ts", "app/**/*.ts"],
    plugins: { "react-hooks": reactHooks, "@next/next": nextPlugin },
    rules: {
      ...reactHooks.configs["recommended-latest"].rules,
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      // Faces and documents come from authenticated, no-store media routes: next/image's optimizer
      // would fetch and cache them without the reviewer's session, so a plain <img> is right here.
      "@next/next/no-img-element": "off",
    },
  },
  {
    // Pages and layouts are server components: they render once per request, so reading the clock
    // there is the point (the React Compiler's purity rule is for components that re-render).
    files: ["app/**/page.tsx", "app/**/layout.tsx"],
    rules: { "react-hooks/purity": "off" },
  },
  {
    // Tests read JSON answers (`any` by nature) to assert on them, and stub async interfaces with
    // async functions that need not await; the promise, import and `any` rules still hold.
    files: ["tests/**", "bench/**"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/unbound-method": "off",
      // Test servers take async request handlers, and assertions print bodies whatever their type.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: false }],
      "@typescript-eslint/no-base-to-string": "off",
    },
  },
  {
    // Configuration is read through lib/config/env.ts (one zod schema, checked against the README).
    files: ["app/**", "components/**", "lib/**", "scripts/**", "proxy.ts", "auth.ts"],
    ignores: ["lib/config/env.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.object.name='process'][object.property.name='env']:not(AssignmentExpression > MemberExpression.left)",
          message: "Read configuration with readEnv() from lib/config/env.ts, where every variable is declared.",
        },
      ],
    },
  },
  // Layers. `lib` is the domain; `components` is shared UI; `app` holds routes and server actions.
  { files: ["lib/**"], rules: restrict(noComponents, noApp, noSandbox, noParent) },
  { files: ["components/**"], rules: restrict(noApp, noSandbox, noParent) },
  { files: ["app/**", "proxy.ts", "auth.ts"], rules: restrict(noSandbox) },
  { files: sandboxUsers, rules: restrict(noComponents, noApp, noParent) },
  { files: tooling, rules: { "no-restricted-imports": "off" } },
  {
    files: ["**/*.mjs", "**/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
);
