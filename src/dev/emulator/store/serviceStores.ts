// PLACEHOLDER — owned by the services emulator work; replace wholesale.
export interface PropertyStore {}
export interface CacheStore {}
export interface LockStore {}
export interface MailStore {}
export interface TriggerStore {}
export interface ClockStore {}
