// The current language, reactive: components that call t() re-render when it changes.
import { buildBundles, dirOf, format, type Args, type Lang } from './fluent';

const files = import.meta.glob('../../../locales/*/*.ftl', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const bundles = buildBundles(files);

class I18n {
  lang = $state<Lang>('en');
  dir = $derived(dirOf(this.lang));

  set(lang: Lang) {
    this.lang = lang;
    document.documentElement.lang = lang;
    document.documentElement.dir = dirOf(lang);
  }
}

export const i18n = new I18n();

export function t(id: string, args?: Args): string {
  return format(bundles, i18n.lang, id, args);
}
