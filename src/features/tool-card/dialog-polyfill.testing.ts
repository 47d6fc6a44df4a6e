// jsdom has <dialog> but not showModal/close; tests only need the open attribute and the close event.
// Imported by this feature's tests, never by production code.
const proto = HTMLDialogElement.prototype as HTMLDialogElement & Record<string, unknown>;

if (typeof proto.showModal !== 'function') {
  proto.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.show = function show(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

export {};
