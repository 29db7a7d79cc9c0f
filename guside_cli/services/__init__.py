"""Services: what several commands do alike (find cases, build a report), so that commands stay thin and never
import each other. Layers: commands -> services -> (storage, reports, interchange, render) -> core."""
