// Fluent on the screen: the same locales/<lang>/*.ftl files the Rust side compiles in,
// bundled by Vite at build time. Isolation marks stay on here (the webview renders them
// correctly around mixed-direction text); the Rust side, which prints, turns them off.
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';

export const LANGS = ['en', 'vi', 'ar', 'el', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];
export type Args = Record<string, FluentVariable>;

/** Each language by its own name, as a language picker shows it. */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { en: 'English', vi: 'Tiếng Việt', ar: 'العربية', el: 'Ελληνικά', 'zh-CN': '简体中文' };

const RTL: ReadonlySet<string> = new Set(['ar']);

export function dirOf(lang: string): 'rtl' | 'ltr' {
  return RTL.has(lang) ? 'rtl' : 'ltr';
}

export function isLang(tag: string): tag is Lang {
  return (LANGS as readonly string[]).includes(tag);
}

/** The BCP 47 tag for Fluent and Intl in `lang`: Latin digits for Arabic, as the backend
 *  formats money and as card slips print. */
export function intlLocale(lang: Lang): string {
  return lang === 'ar' ? 'ar-u-nu-latn' : lang;
}

/** Builds one bundle per language from `files` (path → source); the folder names the language. */
export function buildBundles(files: Record<string, string>): Map<Lang, FluentBundle> {
  const bundles = new Map<Lang, FluentBundle>();
  for (const lang of LANGS) {
    const bundle = new FluentBundle(intlLocale(lang));
    for (const [path, source] of Object.entries(files)) {
      const parts = path.split('/');
      if (parts[parts.length - 2] !== lang) continue;
      const errors = bundle.addResource(new FluentResource(source));
      if (errors.length) console.error(`locales/${lang}: ${errors.map(String).join('; ')}`);
    }
    bundles.set(lang, bundle);
  }
  return bundles;
}

/** Formats `id` in `lang`, falling back to English, then to the id itself. */
export function format(bundles: Map<Lang, FluentBundle>, lang: Lang, id: string, args?: Args): string {
  for (const l of [lang, 'en'] as Lang[]) {
    const bundle = bundles.get(l);
    const message = bundle?.getMessage(id);
    if (bundle && message?.value) {
      const errors: Error[] = [];
      const text = bundle.formatPattern(message.value, args ?? null, errors);
      if (errors.length === 0) return text;
      console.error(`${l}: ${id}: ${errors.map(String).join('; ')}`);
    }
  }
  return id;
}
