/** Saves `content` as a file through a temporary object URL and a clicked `<a download>`. */
export function downloadFile(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; the click has started it by the next task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
