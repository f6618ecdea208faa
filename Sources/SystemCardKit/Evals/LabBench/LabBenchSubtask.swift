/// A LAB-Bench subtask and its files under `lab-bench/`.
enum LabBenchSubtask: String, CaseIterable, Sendable {
    case protocolQA = "ProtocolQA"
    case seqQA = "SeqQA"
    case cloningScenarios = "CloningScenarios"
    case litQA2 = "LitQA2"

    /// The option value (`protocolqa`).
    var option: String { rawValue.lowercased() }

    /// The public multiple-choice files.
    var choiceFiles: [String] {
        switch self {
        case .protocolQA: return ["lab-bench/ProtocolQA/protocolqa-v1-public.jsonl"]
        case .cloningScenarios: return ["lab-bench/CloningScenarios/cloningscenarios-v1-public.jsonl"]
        case .litQA2: return ["lab-bench/LitQA2/litqa-v2-public.jsonl"]
        case .seqQA:
            return [
                "ORF-seq-AAid", "ORF-seq-AAseq", "ORF-seq-numlen", "ORF-transeff", "PCR-gene-enzprimers",
                "PCR-gene-gibshindprimers", "PCR-gene-gibssmaprimers", "PCR-geneprimers-enz", "PCR-len-primers",
                "PCR-primers-len", "PCR-seq-enzprimers", "PCR-seq-primers", "Prop-seq-gcpercent", "RE-seq-lenfrags",
                "RE-seq-numfrags",
            ].map { "lab-bench/SeqQA/\($0)-v1-public.jsonl" }
        }
    }

    /// The open-answer file, for the subtasks that have one.
    var openFile: String? {
        switch self {
        case .protocolQA: return "lab-bench/ProtocolQA/protocolqa-v1-openanswer.jsonl"
        case .cloningScenarios: return "lab-bench/CloningScenarios/cloningscenarios-v1-openanswer.jsonl"
        default: return nil
        }
    }
}
