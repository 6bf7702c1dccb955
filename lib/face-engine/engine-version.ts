// Which models the engine's readings come from (stored with each face and each answer). Stored
// faces are reused only for the same version: change it whenever a reading would come out different.
export const ENGINE_MODEL_NAME = "@vladmandic/human";
/** The package version, the models used (detector, mesh, descriptor, anti-spoofing, liveness), and the working size. */
export const ENGINE_MODEL_VERSION = "3.3.6 blazeface+facemesh+faceres+antispoof+liveness @800px";
