export const storeFaults = {
  cannotSave:
    "El bot no puede guardar nada ahora mismo: {{reason}}. No se ha cambiado nada; inténtalo de nuevo más tarde.",
  reasonFull: "su disco está lleno",
  reasonReadonly: "su carpeta de datos es de solo lectura",
  reasonCantopen: "no se puede escribir en su carpeta de datos",
  reasonIoerr: "su disco informa de errores",
  reasonLocked: "otro programa tiene bloqueada su base de datos",
  reasonOther: "su base de datos rechaza los cambios",
};
