// Files picked in the webview: the bank's CSV goes to the backend as text, so it is read
// here, as UTF-8 (the backend refuses what is not).

/** The file's text, read as UTF-8. */
export function readText(f: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result ?? ''));
    r.onerror = () => reject(r.error);
    r.readAsText(f, 'UTF-8');
  });
}
