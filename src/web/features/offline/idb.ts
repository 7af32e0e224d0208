// The few IndexedDB calls the offline queue needs: one object store of records keyed by id.

const DB_NAME = 'sinergi-offline';
const STORE = 'reports';

let opening: Promise<IDBDatabase> | null = null;

function db(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => { opening = null; reject(req.error); };
  });
  return opening;
}

function run<T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return db().then((d) => new Promise<T>((resolve, reject) => {
    const tx = d.transaction(STORE, mode);
    const req = op(tx.objectStore(STORE));
    // resolve when the write is durable, not merely requested
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  }));
}

export const idbAll = <T>(): Promise<T[]> => run('readonly', (s) => s.getAll() as IDBRequest<T[]>);
export const idbPut = <T extends { id: string }>(value: T): Promise<IDBValidKey> => run('readwrite', (s) => s.put(value));
export const idbDelete = (id: string): Promise<undefined> => run('readwrite', (s) => s.delete(id));
