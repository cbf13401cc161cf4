-- Sessions are now looked up by a hash of the id their cookie carries; ids stored before are plain, so those sessions end (their owners log in again).
DELETE FROM `sessions`;
