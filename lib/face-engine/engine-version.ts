// Which models the engine's readings come from (stored with each face and each answer).
export const ENGINE_MODEL_NAME = "@vladmandic/human";
/** The package version and the models used (detector, mesh, descriptor, anti-spoofing, liveness). */
export const ENGINE_MODEL_VERSION = "3.3.6 blazeface+facemesh+faceres+antispoof+liveness";
