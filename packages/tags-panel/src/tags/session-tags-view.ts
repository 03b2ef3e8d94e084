import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Instant, PanelSeekDetail, PanelTag, TagCreateDetail, TagDeleteDetail, TagUpdateDetail } from '../types.js';
import { tagsTranslator, type TagsMessageKey } from './messages.js';
import { tagsViewStyles } from './session-tags-view.styles.js';
import {
  TAG_NAME_MAX,
  TAG_NOTES_MAX,
  tagFormValues,
  tagPatch,
  textLength,
  validateTagDraft,
  type TagDraftErrorCode,
  type TagDraftErrors,
  type TagField,
  type TagFormValues,
} from './tag-draft.js';
import { isKnownZone } from './tag-instant.js';

/** `PanelTag.conflict` values the view words itself; any other text is shown as given. */
export type TagConflictCode = 'deleted' | 'changed' | 'rejected';

const CONFLICT_MESSAGES: Record<TagConflictCode, TagsMessageKey> = {
  deleted: 'conflictDeleted',
  changed: 'conflictChanged',
  rejected: 'conflictRejected',
};

const PENDING_MESSAGES: Record<NonNullable<PanelTag['pending']>, TagsMessageKey> = {
  create: 'pendingCreate',
  update: 'pendingUpdate',
  delete: 'pendingDelete',
};

const ERROR_MESSAGES: Record<TagDraftErrorCode, TagsMessageKey> = {
  'name-empty': 'nameEmpty',
  'name-too-long': 'nameTooLong',
  'notes-too-long': 'notesTooLong',
  'date-format': 'dateFormat',
  'time-format': 'timeFormat',
  'time-gap': 'timeGap',
  'zone-unknown': 'zoneUnknown',
};

const FIELDS: readonly TagField[] = ['name', 'date', 'time', 'notes'];

/** The open form: a new tag, or one tag edited in place. */
interface TagForm {
  /** The tag being edited; `null` for a new tag. */
  tag: PanelTag | null;
  values: TagFormValues;
  /** The instant the date and time were prefilled from; kept exactly while they read the same. */
  origin: Instant;
  /** `null` until the first submit; from then on they follow typing. */
  errors: TagDraftErrors | null;
}

/**
 * The Tags tab: the day's tags by time, jump to one, add one at the playhead,
 * edit in place, delete with the X (and undo). Dates and times are shown and
 * typed on the recorded user's wall clock (`zone`). Properties in, events
 * out: the host owns the tags and answers the events by updating `tags`.
 *
 * @fires seek-request - `{ at, final: true }` ({@link PanelSeekDetail}) when a tag is clicked or activated
 * @fires tag-create - `{ draft }` ({@link TagCreateDetail}) from the form, or from Undo after a delete
 * @fires tag-update - `{ id, patch }` ({@link TagUpdateDetail}) with only the changed fields
 * @fires tag-delete - `{ tag }` ({@link TagDeleteDetail}) from a tag's X
 * @csspart add-button - "Add new tag"
 * @csspart form - the add / edit form (also `add-form` or `edit-form`)
 * @csspart form-title - the form's heading
 * @csspart field - a label, its input, hint and error (also `name-field`, `date-field`, `time-field`, `notes-field`)
 * @csspart input - each input and the notes textarea
 * @csspart field-error - a validation message under its field
 * @csspart zone-hint - the line naming the zone dates and times are in
 * @csspart submit-button - Add tag / Save
 * @csspart cancel-button - Cancel
 * @csspart list - the list of tags
 * @csspart tag - one tag's row (`data-pending`, `data-conflict`, `data-editing` when they apply)
 * @csspart tag-seek - the button that jumps to the tag (time, date, name)
 * @csspart time - the tag's time of day
 * @csspart date - the tag's date
 * @csspart name - the tag's name
 * @csspart notes - the tag's notes
 * @csspart edit-button - Edit on a tag
 * @csspart delete-button - the X on a tag
 * @csspart pending-badge - "Not yet saved"
 * @csspart conflict - why a change could not be applied
 * @csspart empty - the empty-day message
 * @csspart toast - the "Deleted" notice with Undo
 * @csspart undo-button - Undo in the toast
 * @cssproperty --sp-panel-bg - background
 * @cssproperty --sp-panel-fg - text
 * @cssproperty --sp-panel-muted - dates, notes and hints
 * @cssproperty --sp-panel-border - field and row borders
 * @cssproperty --sp-panel-field-bg - input background
 * @cssproperty --sp-panel-row-hover - a tag row under the pointer
 * @cssproperty --sp-accent - the Add and submit buttons (text on it: --sp-accent-fg)
 * @cssproperty --sp-focus - focus ring
 * @cssproperty --sp-danger - validation messages, conflicts, the X under the pointer
 * @cssproperty --sp-pending-bg - "Not yet saved" badge (and --sp-pending-fg)
 * @cssproperty --sp-toast-bg - the Undo toast (and --sp-toast-fg, --sp-toast-accent for Undo)
 * @attr theme - `light` (default), `dark`, or `auto` (follows prefers-color-scheme)
 * @attr can-create - shows Add, Edit and Undo
 * @attr can-delete - shows the X
 */
export class SessionTagsView extends LitElement {
  static override properties = {
    tags: { attribute: false },
    value: { type: Number },
    zone: { type: String },
    locale: { type: String },
    canCreate: { type: Boolean, attribute: 'can-create' },
    canDelete: { type: Boolean, attribute: 'can-delete' },
    undoTimeout: { type: Number, attribute: 'undo-timeout' },
    theme: { type: String, reflect: true },
    _form: { state: true },
    _undo: { state: true },
  };

  static override styles = tagsViewStyles;

  /** The day's tags, any order. */
  declare tags: readonly PanelTag[];
  /** The playhead; a new tag starts here (now when `null`). */
  declare value: Instant | null;
  /** IANA zone of the recorded user; tags are shown and typed on its wall clock. */
  declare zone: string;
  declare locale: 'en' | 'de' | (string & {});
  /** Add, Edit and Undo (a re-create) are offered only with this. */
  declare canCreate: boolean;
  /** The X is offered only with this. */
  declare canDelete: boolean;
  /** How long the Undo toast stays, ms (paused while it has focus or the pointer). */
  declare undoTimeout: number;
  declare theme: 'light' | 'dark' | 'auto';
  declare _form: TagForm | null;
  declare _undo: PanelTag | null;

  #sorted: PanelTag[] = [];
  #checkedZone: { given: string; used: string } | null = null;
  /** Deleted here, hidden until the host answers with a new `tags` list. */
  #hidden = new Set<string>();
  #hiddenIn: readonly PanelTag[] | null = null;
  #undoTimer: ReturnType<typeof setTimeout> | undefined;
  /** The toast waits while it has focus or the pointer: nobody loses Undo while reaching for it. */
  #toastFocused = false;
  #toastHovered = false;

  constructor() {
    super();
    this.tags = [];
    this.value = null;
    this.zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    this.locale = 'en';
    this.canCreate = false;
    this.canDelete = false;
    this.undoTimeout = 8_000;
    this.theme = 'light';
    this._form = null;
    this._undo = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#undoTimer);
  }

  /** The zone used: `zone`, or UTC when the browser does not know it (named as such in the form). */
  get effectiveZone(): string {
    // Checked once per zone: asking Intl costs more than formatting a tag.
    if (this.#checkedZone?.given !== this.zone) {
      this.#checkedZone = { given: this.zone, used: isKnownZone(this.zone) ? this.zone : 'UTC' };
    }
    return this.#checkedZone.used;
  }

  /** Opens the form for a new tag at the playhead (as "Add new tag" does) and focuses its name. */
  async openCreateForm(): Promise<void> {
    if (!this.canCreate) return;
    if (!this._form || this._form.tag !== null) {
      const origin = Math.floor(this.value ?? Date.now());
      this._form = { tag: null, values: tagFormValues({ at: origin }, this.effectiveZone), origin, errors: null };
    }
    await this.updateComplete;
    this.#formField('name')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('tags') && this.#hiddenIn !== this.tags) {
      this.#hidden.clear();
      this.#hiddenIn = null;
    }
    this.#sorted = this.tags.filter((tag) => !this.#hidden.has(tag.id)).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // The edited tag went away (deleted elsewhere): nothing left to edit.
    const editing = this._form?.tag;
    if (editing && !this.#sorted.some((tag) => tag.id === editing.id)) this._form = null;
    if (!this.canCreate && this._form) this._form = null;
  }

  // ---- rendering ------------------------------------------------------------

  override render() {
    const { t } = tagsTranslator(this.locale);
    const form = this._form;
    const adding = form !== null && form.tag === null;
    return html`
      ${this.canCreate
        ? html`<button
            part="add-button"
            type="button"
            aria-expanded=${adding ? 'true' : 'false'}
            aria-controls=${adding ? 'add-form' : nothing}
            @click=${this.openCreateForm}
          >
            ${t('add')}
          </button>`
        : nothing}
      ${adding ? this.#renderForm(form) : nothing}
      ${this.#sorted.length
        ? html`<ul part="list" aria-label=${t('list')}>
            ${repeat(
              this.#sorted,
              (tag) => tag.id,
              (tag) => (form?.tag?.id === tag.id ? html`<li part="tag" data-editing>${this.#renderForm(form)}</li>` : this.#renderTag(tag)),
            )}
          </ul>`
        : html`<p part="empty" tabindex="-1">${t(this.canCreate ? 'empty' : 'emptyReadOnly')}</p>`}
      <div
        class="toast-region"
        role="status"
        @focusin=${this.#onToastFocus}
        @focusout=${this.#onToastFocus}
        @pointerenter=${this.#onToastPointer}
        @pointerleave=${this.#onToastPointer}
      >
        ${this._undo ? this.#renderToast(this._undo) : nothing}
      </div>
    `;
  }

  #renderTag(tag: PanelTag) {
    const { t, dateLocale } = tagsTranslator(this.locale);
    const local = new TZDate(tag.at, this.effectiveZone);
    const conflict = tag.conflict ? (tag.conflict in CONFLICT_MESSAGES ? t(CONFLICT_MESSAGES[tag.conflict as TagConflictCode]) : tag.conflict) : '';
    return html`
      <li part="tag" data-tag-id=${tag.id} ?data-pending=${!!tag.pending} ?data-conflict=${!!tag.conflict} @click=${(e: MouseEvent) => this.#onRowClick(e, tag)}>
        <button part="tag-seek" type="button" title=${t('jumpTitle')}>
          <span part="time">${format(local, 'HH:mm:ss', { locale: dateLocale })}</span>
          <span part="date">${format(local, 'EEE d MMM yyyy', { locale: dateLocale })}</span>
          <span part="name"><bdi>${tag.name}</bdi></span>
        </button>
        <span class="row-actions">
          ${this.canCreate
            ? html`<button part="edit-button" type="button" data-action @click=${() => this.#openEditForm(tag)}>
                <span aria-hidden="true">${t('edit')}</span><span class="visually-hidden">${this.#withName('editLabel', tag.name)}</span>
              </button>`
            : nothing}
          ${this.canDelete
            ? html`<button part="delete-button" type="button" data-action title=${t('deleteTitle')} @click=${() => this.#delete(tag)}>
                <span aria-hidden="true">✕</span><span class="visually-hidden">${this.#withName('deleteLabel', tag.name)}</span>
              </button>`
            : nothing}
        </span>
        ${tag.pending
          ? html`<p class="badges">
              <span part="pending-badge">${t(PENDING_MESSAGES[tag.pending])}<span class="visually-hidden">${t('pendingDetail')}</span></span>
            </p>`
          : nothing}
        ${conflict ? html`<p part="conflict" role="alert"><bdi>${conflict}</bdi></p>` : nothing}
        ${tag.notes ? html`<p part="notes"><bdi>${tag.notes}</bdi></p>` : nothing}
      </li>
    `;
  }

  #renderForm(form: TagForm) {
    const { t } = tagsTranslator(this.locale);
    const editing = form.tag !== null;
    const errors = form.errors ?? {};
    const field = (name: TagField, label: string, control: (describedBy: string, invalid: boolean) => TemplateResult, hint = '') => {
      const error = errors[name];
      const described = [hint ? `${name}-hint` : '', hint ? 'zone-hint' : '', error ? `${name}-error` : ''];
      const describedBy = described.filter(Boolean).join(' ');
      return html`
        <div part="field ${name}-field">
          <label for="tag-${name}">${label}</label>
          ${hint ? html`<span class="hint" id="${name}-hint">${hint}</span>` : nothing}
          ${control(describedBy, !!error)}
          ${error ? html`<p part="field-error" id="${name}-error">${this.#errorText(error, form.values[name])}</p>` : nothing}
        </div>
      `;
    };
    const input = (name: Exclude<TagField, 'notes'>) => (describedBy: string, invalid: boolean) =>
      html`<input
        part="input"
        id="tag-${name}"
        name=${name}
        type="text"
        autocomplete="off"
        spellcheck=${name === 'name' ? 'true' : 'false'}
        required
        aria-describedby=${describedBy || nothing}
        aria-invalid=${invalid ? 'true' : 'false'}
        .value=${form.values[name]}
        @input=${this.#onInput}
      />`;
    return html`
      <form
        part="form ${editing ? 'edit-form' : 'add-form'}"
        id=${editing ? 'edit-form' : 'add-form'}
        aria-labelledby="form-title"
        novalidate
        @submit=${this.#onSubmit}
        @keydown=${this.#onFormKey}
      >
        <h3 part="form-title" id="form-title">${t(editing ? 'editTag' : 'newTag')}</h3>
        ${field('name', t('name'), input('name'))}
        <div class="when">
          ${field('date', t('date'), input('date'), t('dateHint'))}
          ${field('time', t('time'), input('time'), t('timeHint'))}
        </div>
        <p part="zone-hint" id="zone-hint">${t('zoneHint', { zone: this.effectiveZone })}</p>
        ${field(
          'notes',
          `${t('notes')} ${t('optional')}`,
          (describedBy, invalid) => html`<textarea
            part="input"
            id="tag-notes"
            name="notes"
            rows="3"
            aria-describedby=${describedBy || nothing}
            aria-invalid=${invalid ? 'true' : 'false'}
            .value=${form.values.notes}
            @input=${this.#onInput}
          ></textarea>`,
        )}
        <div class="actions">
          <button part="submit-button" type="submit">${t(editing ? 'save' : 'create')}</button>
          <button part="cancel-button" type="button" @click=${this.#cancel}>${t('cancel')}</button>
        </div>
      </form>
    `;
  }

  #renderToast(tag: PanelTag) {
    const { t } = tagsTranslator(this.locale);
    return html`<div part="toast">
      <span class="toast-text">${this.#withName('deleted', tag.name)}</span>
      ${this.canCreate ? html`<button part="undo-button" type="button" @click=${this.#undo}>${t('undo')}</button>` : nothing}
    </div>`;
  }

  /** A message with the tag's name isolated in `<bdi>`, so its text direction cannot spill over. */
  #withName(key: TagsMessageKey, name: string) {
    return tagsTranslator(this.locale)
      .pieces(key)
      .map((piece) => ('text' in piece ? piece.text : html`<bdi>${name}</bdi>`));
  }

  #errorText(code: TagDraftErrorCode, value: string): string {
    const { t } = tagsTranslator(this.locale);
    const max = code === 'name-too-long' ? TAG_NAME_MAX : TAG_NOTES_MAX;
    const count = textLength(code === 'name-too-long' ? value.trim() : value);
    return t(ERROR_MESSAGES[code], { zone: this.effectiveZone, max, count });
  }

  // ---- actions --------------------------------------------------------------

  #onRowClick(e: MouseEvent, tag: PanelTag): void {
    if ((e.target as Element).closest('[data-action]')) return;
    // Selecting text in the notes is not a click on the tag.
    const selection = getSelection();
    if (selection && !selection.isCollapsed && !(e.target as Element).closest('button')) return;
    this.#emit<PanelSeekDetail>('seek-request', { at: tag.at, final: true });
  }

  async #openEditForm(tag: PanelTag): Promise<void> {
    this._form = { tag, values: tagFormValues(tag, this.effectiveZone), origin: tag.at, errors: null };
    await this.updateComplete;
    this.#formField('name')?.focus();
  }

  readonly #onInput = (e: Event) => {
    const form = this._form;
    const target = e.target as HTMLInputElement | HTMLTextAreaElement;
    if (!form) return;
    const values = { ...form.values, [target.name as TagField]: target.value };
    const result = form.errors ? validateTagDraft(values, this.effectiveZone, form.origin) : null;
    this._form = { ...form, values, errors: result ? (result.ok ? {} : result.errors) : null };
  };

  readonly #onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = this._form;
    if (!form) return;
    const result = validateTagDraft(form.values, this.effectiveZone, form.origin);
    if (!result.ok) {
      this._form = { ...form, errors: result.errors };
      await this.updateComplete;
      const first = FIELDS.find((name) => result.errors[name]);
      if (first) this.#formField(first)?.focus();
      return;
    }
    const { draft } = result;
    if (form.tag) {
      const patch = tagPatch(form.tag, draft);
      if (Object.keys(patch).length) this.#emit<TagUpdateDetail>('tag-update', { id: form.tag.id, patch });
    } else {
      this.#emit<TagCreateDetail>('tag-create', { draft });
    }
    await this.#closeForm();
  };

  readonly #onFormKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    // Ours: a surrounding dialog must not close with the form.
    e.preventDefault();
    e.stopPropagation();
    void this.#closeForm();
  };

  readonly #cancel = () => void this.#closeForm();

  /** Closes the form and puts focus back where it was opened from. */
  async #closeForm(): Promise<void> {
    const tag = this._form?.tag ?? null;
    this._form = null;
    await this.updateComplete;
    if (tag) this.#rowControl(tag.id, 'edit-button')?.focus();
    else this.#addButton()?.focus();
  }

  async #delete(tag: PanelTag): Promise<void> {
    const index = this.#sorted.findIndex((t) => t.id === tag.id);
    const next = this.#sorted[index + 1] ?? this.#sorted[index - 1] ?? null;
    // Hide now; the host's next `tags` is the truth (it may keep the tag, e.g. as pending).
    if (this.#hiddenIn !== this.tags) {
      this.#hidden.clear();
      this.#hiddenIn = this.tags;
    }
    this.#hidden.add(tag.id);
    this.#showUndo(tag);
    this.requestUpdate();
    this.#emit<TagDeleteDetail>('tag-delete', { tag });
    await this.updateComplete;
    const target =
      (next && this.#rowControl(next.id, 'tag-seek')) ??
      this.#addButton() ??
      this.renderRoot.querySelector<HTMLElement>('[part~="undo-button"], [part~="empty"]');
    target?.focus();
  }

  #showUndo(tag: PanelTag): void {
    clearTimeout(this.#undoTimer);
    this._undo = tag;
    this.#armUndoTimer();
  }

  #armUndoTimer(): void {
    clearTimeout(this.#undoTimer);
    if (this._undo && !this.#toastFocused && !this.#toastHovered) {
      this.#undoTimer = setTimeout(() => (this._undo = null), this.undoTimeout);
    }
  }

  readonly #onToastFocus = (e: FocusEvent) => {
    const region = e.currentTarget as HTMLElement;
    this.#toastFocused = e.type === 'focusin' || region.contains(e.relatedTarget as Node | null);
    this.#armUndoTimer();
  };

  readonly #onToastPointer = (e: PointerEvent) => {
    this.#toastHovered = e.type === 'pointerenter';
    this.#armUndoTimer();
  };

  readonly #undo = async () => {
    const tag = this._undo;
    if (!tag) return;
    clearTimeout(this.#undoTimer);
    this._undo = null;
    this.#emit<TagCreateDetail>('tag-create', { draft: { at: tag.at, name: tag.name, notes: tag.notes } });
    await this.updateComplete;
    (this.#addButton() ?? this.renderRoot.querySelector<HTMLElement>('[part~="tag-seek"], [part~="empty"]'))?.focus();
  };

  #formField(name: TagField): HTMLInputElement | HTMLTextAreaElement | null {
    return this.renderRoot.querySelector(`#tag-${name}`);
  }

  #addButton(): HTMLButtonElement | null {
    return this.renderRoot.querySelector('[part~="add-button"]');
  }

  #rowControl(id: string, part: string): HTMLElement | null {
    const row = [...this.renderRoot.querySelectorAll<HTMLElement>('li[data-tag-id]')].find((li) => li.dataset.tagId === id);
    return row?.querySelector<HTMLElement>(`[part~="${part}"]`) ?? null;
  }

  #emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }
}
