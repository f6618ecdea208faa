/// StrongREJECT forbidden prompts.
/// Remote files with pinned SHA-256, for `systemcard data fetch` (each evaluation that reads them lists them).
enum StrongREJECTData {
    static let strongreject = DataCatalog.Entry(
        name: "strongreject",
        summary: "StrongREJECT forbidden prompts (313 and the 60-prompt small set); the rubric prompt files are "
            + "not fetchable as files upstream (copy rubric_system.txt/rubric_user.txt from the dataset folder)",
        license: "MIT (Souly et al.); rows from earlier datasets keep their licenses",
        files: [
            DataCatalog.RemoteFile(
                path: "strongreject/strongreject_dataset.csv",
                url: "https://raw.githubusercontent.com/busycalibrating/AdversariaLLM/f970939273ea17b491fadf6001fddc36ed3ae3ff/data/behavior_datasets/strongreject_dataset.csv",
                sha256: "4dd70357e4ff8b5d0ba5ebafecab5d6dd5633ce8046e3dd1c8bd93e64de44381", bytes: 56359),
            DataCatalog.RemoteFile(
                path: "strongreject/strongreject_small_dataset.csv",
                url: "https://raw.githubusercontent.com/alexandrasouly/strongreject/main/strongreject_dataset/strongreject_small_dataset.csv",
                sha256: "3051340e3e89a3598d764dde497d5fcda80e258ac05cc35e6bd87228ac3d467c", bytes: 11677),
        ])
}
