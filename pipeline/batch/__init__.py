"""The batch job behind ``extract SRC DST``: runner, storage, journal and lock, time limits, workers."""
